// Tables for the terminal: coloured on a TTY, plain when piped or captured.
import Table from "cli-table3";

export function makeTable(head: string[]): InstanceType<typeof Table> {
  const plain = !process.stdout.isTTY;
  return new Table({ head, style: plain ? { head: [], border: [] } : {} });
}
