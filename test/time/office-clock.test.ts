/**
 * The office's clock: "today" is the calendar day in LVZHI_TIME_ZONE (default Asia/Shanghai)
 * at the message's own timestamp — with a fixed clock here, and in a child process whose own
 * zone is UTC (the usual container default), where 00:00–08:00 Beijing time is still yesterday.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { today } from '../../src/time/index.ts';
import { loadSettings } from '../../src/config.ts';
import { REPO_ROOT, runCliSync } from '../support/cli-process.ts';
import { tempFolder } from '../support/log-helpers.ts';

describe('the office\'s calendar day', () => {
  it.each([
    ['2026-11-30T16:00:00Z', 'Asia/Shanghai', '2026-12-01'], // 00:00 in Beijing
    ['2026-11-30T23:59:00Z', 'Asia/Shanghai', '2026-12-01'], // 07:59 in Beijing, still 11-30 in UTC
    ['2026-11-30T15:59:00Z', 'Asia/Shanghai', '2026-11-30'], // 23:59 in Beijing
    ['2026-12-31T16:30:00Z', 'Asia/Shanghai', '2027-01-01'], // a new year in Beijing first
    ['2026-11-30T23:59:00Z', 'UTC', '2026-11-30'],
    ['2026-12-01T03:00:00Z', 'America/New_York', '2026-11-30'],
  ])('%s in %s is %s', (instant, zone, day) => {
    expect(today(new Date(instant), zone)).toBe(day);
  });

  it('LVZHI_TIME_ZONE defaults to Asia/Shanghai and refuses a zone that does not exist', () => {
    expect(loadSettings({}).LVZHI_TIME_ZONE).toBe('Asia/Shanghai');
    expect(loadSettings({ LVZHI_TIME_ZONE: 'Europe/Berlin' }).LVZHI_TIME_ZONE).toBe('Europe/Berlin');
    expect(() => loadSettings({ LVZHI_TIME_ZONE: 'Mars/Olympus' })).toThrow(/LVZHI_TIME_ZONE/);
  });

  it('in a process whose own zone is UTC, the office\'s day is still Beijing\'s', () => {
    const script = `import { today } from './src/time/index.ts';
      console.log(JSON.stringify({ zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        office: today(new Date('2026-11-30T23:30:00Z')), local: new Date('2026-11-30T23:30:00Z').getDate() }));`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ zone: 'UTC', office: '2026-12-01', local: 30 });
  });

  it('the command line\'s default today follows LVZHI_TIME_ZONE, in a UTC process too', () => {
    const data = tempFolder();
    const parse = (zone: string) => JSON.parse(runCliSync(['parse', '今天召开了党组会议', '--json', '--data', data], {
      env: { ...process.env, TZ: 'UTC', LVZHI_TIME_ZONE: zone },
    }).stdout).activity.date;
    const instant = new Date();
    // Both zones agree with the day each of them has now (the run takes well under a minute).
    expect(parse('Asia/Shanghai')).toBe(today(instant, 'Asia/Shanghai'));
    expect(parse('Pacific/Kiritimati')).toBe(today(instant, 'Pacific/Kiritimati'));
  });
});
