/** One line of the benchmark table: a PEP Bot figure beside its baseline, when there is one. */
export interface Figure {
  figure: string;          // e.g. "Slack /pep help ack, p99 at 100 req/s (ms)"
  pepBot: number;
  baseline?: number;       // the bare framework's figure, or the "before"/reference figure
  ratio?: number;          // pepBot / baseline (or the ratio the goal is stated in)
  unit: string;            // "ms", "s", "MB", "msg/s"
  goal?: string;           // e.g. "≤ 1.5× bare", "≤ 12×, < 20 s"
  met?: boolean;           // whether this run meets the goal
  note?: string;
}
