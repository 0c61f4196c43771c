import { ProfileSettings } from './ProfileSettings';

/** The settings page of the side panel: one section per concern. */
export function SettingsView() {
  return (
    <div className="detail" data-testid="settings-view">
      <ProfileSettings />
    </div>
  );
}
