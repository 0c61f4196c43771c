// @vitest-environment node (no DOM reached but the page's localStorage: see vitest.config.ts)
/** I3: a restore onto empty settings takes the backup's; settings set here are kept on merge; the dry run lists changes. */
import '../page-storage';
import { describe, expect, it } from 'vitest';
import { parseBackup, serializeBackup } from '../../../portability/backup-format';
import { exportBackup } from '../../../storage/backup-export';
import { viewOfRestore } from '../../../import-worker/plan-view';
import { applyRestore, previewRestore } from '../../../storage/restore';
import { db } from '../../../storage/db';
import { getSettings, updateSettings } from '../../../storage/settings';

async function backupWithSettings() {
  await updateSettings({ myName: 'Alex Kim', mySchool: 'Penn Med', myAamcId: '12345678', followUpDays: 5, channelLimits: { connectionNote: 180 } });
  const backup = parseBackup(serializeBackup(await exportBackup({ now: 1, appVersion: '0.1.0' })));
  await db.settings.clear();
  return backup;
}

describe('restoring settings', () => {
  it('I3: "Merge" onto a fresh install takes the backup’s settings, and the dry run names them', async () => {
    const backup = await backupWithSettings();
    const preview = await previewRestore(backup, 'merge');
    expect(viewOfRestore(preview, backup.exportedAt).settingsChanged).toEqual(['myName', 'mySchool', 'followUpDays', 'myAamcId', 'channelLimits']);
    expect(await db.settings.get('settings')).toBeUndefined();
    await applyRestore(backup, 'merge');
    expect(await getSettings()).toMatchObject({ myName: 'Alex Kim', mySchool: 'Penn Med', myAamcId: '12345678', followUpDays: 5, channelLimits: { connectionNote: 180 } });
  });

  it('I3: "Merge" keeps every setting set here, and takes only those still at their default', async () => {
    const backup = await backupWithSettings();
    await updateSettings({ myName: 'Alexandra Kim' });
    const plan = await applyRestore(backup, 'merge');
    expect(plan.settingsChanged).toEqual(['mySchool', 'followUpDays', 'myAamcId', 'channelLimits']);
    expect(await getSettings()).toMatchObject({ myName: 'Alexandra Kim', mySchool: 'Penn Med' });
  });

  it('I3: nothing to change says so', async () => {
    const backup = await backupWithSettings();
    await applyRestore(backup, 'merge');
    expect((await previewRestore(backup, 'merge')).settingsChanged).toEqual([]);
  });
});
