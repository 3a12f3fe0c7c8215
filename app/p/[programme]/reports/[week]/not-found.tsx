import { PageHeader } from "@/components/ui/card";
import { ThisWeekLink } from "@/components/reports/this-week-link";

// A week in the address that is no ISO week ("2026-W99", "abc"): said plainly, with the way
// to this week's report.
export default function WeekNotFound() {
  return (
    <>
      <PageHeader title="No such week" description='Weeks are written as the year, "-W" and the two-digit ISO week number: 2026-W47.' />
      <p className="text-sm text-slate-700">
        The address does not name a week of the calendar. <ThisWeekLink />
      </p>
    </>
  );
}
