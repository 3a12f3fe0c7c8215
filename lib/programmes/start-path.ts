import type { Role } from "@/lib/generated/prisma/enums";

/**
 * Where a person lands on opening a programme (issue 14, point 9): a lead on "My work", the
 * open items and gates of their teams' slices; managers and viewers on the overview. The
 * programme root itself stays the overview for everyone, so links to it keep their meaning and
 * a lead reaches the overview from the sidebar.
 */
export function programmeStartPath(slug: string, role: Role): string {
  const base = `/p/${encodeURIComponent(slug)}`;
  return role === "lead" ? `${base}/my-work` : base;
}
