/** The floor's bare page: one `<div>` already in the HTML, marked as painted once the page runs its only script. */
performance.mark('floor:ready');
