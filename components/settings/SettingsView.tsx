import { DataSection } from './DataSection';
import { DraftingSettings } from './DraftingSettings';
import { FollowUpSettings } from './FollowUpSettings';
import { LetterSettings } from './LetterSettings';
import { ProfileSettings } from './ProfileSettings';
import { StorageNotice } from './StorageNotice';
import { TrashSection } from './TrashSection';
import { SyncSettings } from '../sync/SyncSettings';

/** The settings page of the side panel: one section per concern. */
export function SettingsView() {
  return (
    <div className="detail" data-testid="settings-view">
      <ProfileSettings />
      <FollowUpSettings />
      <LetterSettings />
      <DraftingSettings />
      <StorageNotice />
      <DataSection />
      <SyncSettings />
      <TrashSection />
    </div>
  );
}
