/**
 * Work after an answer gives way to requests here: each `await laterTurn()` resumes on a later turn
 * of the event loop, and only one waiting piece of work resumes per turn, with new requests read
 * (and acknowledged) in between.
 *
 * A plain setImmediate is not enough: every callback queued before the event loop reaches its
 * "check" phase runs in that one phase, so five commands that arrived together ran their reads,
 * saves and drawing back to back, and an ack arriving meanwhile waited for all five. Released one
 * per turn, an ack waits for at most one piece.
 */
const waiting: (() => void)[] = [];
let pumping = false;

function releaseOne(): void {
  waiting.shift()?.();
  // Queued from inside the check phase, the next release comes after the next poll for I/O.
  if (waiting.length > 0) setImmediate(releaseOne);
  else pumping = false;
}

export function laterTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (!pumping) {
      pumping = true;
      setImmediate(releaseOne);
    }
  });
}
