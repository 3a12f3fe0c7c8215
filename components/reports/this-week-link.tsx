"use client";

import { Link } from "@/components/ui/link";
import { useParams } from "next/navigation";

/** A link to the programme's current report, for pages that get no params (a not-found page). */
export function ThisWeekLink() {
  const { programme } = useParams<{ programme?: string }>();
  if (!programme) return null;
  return (
    <Link href={`/p/${encodeURIComponent(programme)}/reports`} className="text-brand-700 underline">
      Go to this week&apos;s report
    </Link>
  );
}
