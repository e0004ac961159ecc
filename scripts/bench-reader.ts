/**
 * Reader throughput: `npx tsx scripts/bench-reader.ts [--messages 20000]` prints one JSON
 * object {"messages", "seconds", "messagesPerSecond", "cpuMessagesPerSecond"}.
 */
import { benchmarkReader } from './reader-benchmark.ts';

const i = process.argv.indexOf('--messages');
const messages = i >= 0 ? Number(process.argv[i + 1]) : 20_000;
console.log(JSON.stringify(benchmarkReader(messages)));
