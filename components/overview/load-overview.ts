/**
 * Loads the Overview's code (./OverviewView and its charts) apart from the side
 * panel's first chunks, and ahead of the click: the panel asks for it once it is
 * idle after its first paint, and again when the pointer or focus reaches the
 * tab (../deferred-module.ts).
 */
import { deferredModule } from '../deferred-module';

const overview = deferredModule(() => import('./OverviewView'));

export const prefetchOverview = overview.prefetch;
export const prefetchOverviewWhenIdle = overview.prefetchWhenIdle;
export const useOverviewModule = overview.useModule;
