// Called by the layout once an interactive page's circuit is live (see MainLayout.razor).
window.prescriber = {
    markInteractive: () => { document.documentElement.dataset.interactive = 'true'; },
};
