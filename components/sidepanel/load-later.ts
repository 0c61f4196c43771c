/**
 * Loads ./later.ts (what the side panel's first screen does not show) apart from its first chunks: asked for when
 * the panel is idle after its list is live, or at once when one of them is needed first (../deferred-module.ts).
 */
import { deferredModule } from '../deferred-module';

const later = deferredModule(() => import('./later'));

export const prefetchLater = later.prefetch;
export const prefetchLaterWhenIdle = later.prefetchWhenIdle;
export const useLater = later.useModule;
