/**
 * The side panel's screens and parts that its first screen (the contacts list) does not show, in one chunk of
 * their own, loaded once the list is live (./load-later.ts): a contact's detail, the add-by-hand form, the
 * follow-ups section, the organizations view, the bulk bar, filters and sort, the duplicate review, the grant
 * button. Their code (and the packages only they use, such as the CSV parser of a program import) is then no part
 * of what the panel loads and runs before it is interactive.
 */
export { ContactDetail } from './ContactDetail';
export { AddContactForm } from '../contacts/AddContactForm';
export { DuplicateReview } from '../contacts/DuplicateReview';
export { BulkBar } from '../contacts/BulkBar';
export { FilterBar } from '../contacts/FilterBar';
export { ProgramsView } from '../programs/ProgramsView';
export { DueList } from '../followups/DueList';
export { GrantAccess } from '../popup/GrantAccess';
