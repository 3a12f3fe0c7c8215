import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";
import { compareReading } from "@/lib/rollouts/record";
import type { Stage } from "@/lib/slices/stages";

type Reading = { id: string; sourceKind: string; weight: number; phase: string | null; healthy: boolean; message: string | null; createdAt: Date };

/**
 * The latest rollout reading on the slice's record, for everyone who reads the slice: when it
 * was read, what it said, a link to the YAML kept as evidence, and whether it agrees with
 * Ferry's stage; a disagreement is said in words and marked, never by colour alone.
 */
export function LatestRolloutReading({ reading, stage, stageChangedAt, sourceHref }: { reading: Reading | null; stage: Stage; stageChangedAt: Date | null; sourceHref: string }) {
  if (!reading) return null;
  const comparison = compareReading(reading, stage, stageChangedAt);
  return (
    <Card title="Latest reading of the rollout">
      <p className="text-sm text-slate-900">
        {reading.sourceKind}: {reading.weight}% on the new path, phase {reading.phase ?? "not given"}, {reading.healthy ? "healthy" : "unhealthy"}
      </p>
      <p className="mt-1 text-xs text-slate-700">
        Read <time dateTime={reading.createdAt.toISOString()}>{formatDateTime(reading.createdAt)}</time> ·{" "}
        <a className="text-brand-700 underline" href={`${sourceHref}/${reading.id}`} target="_blank" rel="noopener">
          YAML kept as evidence<span className="sr-only"> (opens in a new tab)</span>
        </a>
      </p>
      {reading.message ? <p className="mt-1 text-xs text-slate-700">{reading.message}</p> : null}
      <p
        role={comparison.agrees ? undefined : "note"}
        aria-label={comparison.agrees ? undefined : "The reading disagrees with the record"}
        className={comparison.agrees ? "mt-3 text-sm text-slate-800" : "mt-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"}
      >
        <span className="font-semibold">{comparison.agrees ? "Matches the record. " : "Does not match the record. "}</span>
        {comparison.text}
      </p>
    </Card>
  );
}
