/**
 * hadolint's rules that apply to Ferry's Dockerfile, and Ferry's own (ADR 29): a parser of the
 * Dockerfile's instructions (continuation lines joined, comments dropped) and the checks.
 */
export type Instruction = { op: string; args: string; line: number };
export type Stage = { from: string; name?: string; instructions: Instruction[] };

export function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let line = lines[i];
    if (/^\s*(#|$)/.test(line)) continue;
    while (line.trimEnd().endsWith("\\") && i + 1 < lines.length) line = `${line.trimEnd().slice(0, -1)} ${lines[++i].trim()}`;
    const m = /^\s*([A-Za-z]+)\s+(.*)$/.exec(line);
    if (!m) continue;
    const instruction = { op: m[1].toUpperCase(), args: m[2].trim(), line: start + 1 };
    if (instruction.op === "FROM") {
      const [from, as, name] = instruction.args.split(/\s+/);
      stages.push({ from, name: as?.toUpperCase() === "AS" ? name : undefined, instructions: [] });
    } else if (stages.length > 0) {
      stages.at(-1)!.instructions.push(instruction);
    }
  }
  return stages;
}

/** The ARG defaults declared before the first FROM, to resolve `FROM ${NODE_IMAGE}`. */
function globalArgs(text: string): Map<string, string> {
  const args = new Map<string, string>();
  for (const line of text.split("\n")) {
    if (/^\s*FROM\b/i.test(line)) break;
    const m = /^\s*ARG\s+([A-Za-z_][A-Za-z0-9_]*)=(\S+)/i.exec(line);
    if (m) args.set(m[1], m[2]);
  }
  return args;
}

const SECRETISH = /SECRET|TOKEN|PASSWORD|PASSWD|DATABASE_URL|API_KEY/i;

export function dockerfileProblems(text: string): string[] {
  const problems: string[] = [];
  const stages = parseDockerfile(text);
  const args = globalArgs(text);
  const names = new Set(stages.map((s) => s.name).filter(Boolean));
  if (stages.length === 0) return ["no FROM"];
  for (const stage of stages) {
    const image = stage.from.replace(/^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/, (_, name: string) => args.get(name) ?? _);
    if (!names.has(image)) {
      if (!/[:@]/.test(image)) problems.push(`DL3006: FROM ${image} has no tag`);
      if (/:latest$/.test(image)) problems.push(`DL3007: FROM ${image} uses latest`);
    }
    for (const i of stage.instructions) {
      if (i.op === "ADD" && /^https?:\/\//.test(i.args.split(/\s+/).find((a) => !a.startsWith("--")) ?? "")) problems.push(`DL3020: line ${i.line} ADDs a URL; use COPY (or curl with a checksum)`);
      else if (i.op === "ADD") problems.push(`DL3020: line ${i.line} uses ADD; use COPY`);
      if (i.op === "WORKDIR" && !i.args.startsWith("/")) problems.push(`DL3000: line ${i.line} WORKDIR is not absolute`);
      if (i.op === "RUN" && /(^|&&|;)\s*cd\s/.test(i.args)) problems.push(`DL3003: line ${i.line} uses cd; use WORKDIR`);
      if (i.op === "RUN" && /\bsudo\b/.test(i.args)) problems.push(`DL3004: line ${i.line} uses sudo`);
      if (i.op === "RUN" && /apt-get install/.test(i.args) && !/--no-install-recommends/.test(i.args)) problems.push(`DL3015: line ${i.line} apt-get install without --no-install-recommends`);
      if (i.op === "RUN" && /npm install/.test(i.args) && !/npm cache clean/.test(i.args) && stage === stages.at(-1)) problems.push(`DL3016-like: line ${i.line} npm install in the runtime stage`);
      if ((i.op === "ENV" || i.op === "ARG") && SECRETISH.test(i.args)) problems.push(`line ${i.line} bakes ENV/ARG ${i.args.split(/[=\s]/)[0]}: secrets come from the orchestrator`);
      if (i.op === "USER" && /^(root|0)(:|$)/.test(i.args)) problems.push(`DL3002: line ${i.line} switches to root`);
    }
  }
  const runtime = stages.at(-1)!;
  const ops = runtime.instructions.map((i) => i.op);
  const user = runtime.instructions.filter((i) => i.op === "USER").at(-1);
  if (!user) problems.push("the runtime stage has no USER: it would run as root");
  else if (!/^[1-9][0-9]*(:[0-9]+)?$/.test(user.args)) problems.push(`the runtime stage's USER ${user.args} is not numeric (Kubernetes' runAsNonRoot cannot verify a name)`);
  if (!ops.includes("HEALTHCHECK")) problems.push("the runtime stage has no HEALTHCHECK");
  for (const env of runtime.instructions.filter((i) => i.op === "ENV")) problems.push(`the runtime stage bakes ENV ${env.args}: configuration comes from the orchestrator`);
  const cmd = runtime.instructions.find((i) => i.op === "CMD" || i.op === "ENTRYPOINT");
  if (!cmd) problems.push("the runtime stage has no CMD");
  else if (!cmd.args.startsWith("[")) problems.push(`DL3025: line ${cmd.line} ${cmd.op} is not in exec (JSON) form, so signals do not reach node`);
  const base = runtime.from.replace(/^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/, (_, name: string) => args.get(name) ?? _);
  const major = /node:(\d+)/.exec(base)?.[1];
  if (!(/gcr\.io\/distroless\/nodejs\d+/.test(base) || (major && Number(major) % 2 === 0 && Number(major) >= 22 && /slim|alpine/.test(base)))) problems.push(`the runtime base ${base} is not a current Node LTS slim or distroless image`);
  if (stages.length < 2) problems.push("single stage: the build's tools end up in the image");
  return problems;
}
