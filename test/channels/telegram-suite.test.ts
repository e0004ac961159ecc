import { runChannelSuite } from './channel-suite.ts';
import { makeTelegramHarness } from './telegram-harness.ts';

runChannelSuite('telegram', makeTelegramHarness);
