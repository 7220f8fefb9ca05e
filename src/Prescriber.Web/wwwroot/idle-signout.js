// Signs staff out after a stretch without keyboard, pointer or touch activity (automatic logoff
// for health data). The layout renders the sign-out form with data-idle-minutes only for
// clinicians and admins; patients are never signed out mid-entry.
(() => {
    const form = () => document.querySelector('form[data-idle-minutes]');
    let last = Date.now();
    const touch = () => { last = Date.now(); };
    ['keydown', 'pointerdown', 'pointermove', 'touchstart', 'scroll', 'wheel'].forEach(e =>
        window.addEventListener(e, touch, { passive: true, capture: true }));
    // Submit once: on a slow connection the sign-out post can take longer than a tick, and a
    // second submit would cancel the first and arrive already signed out (no "idle" notice).
    const timer = setInterval(() => {
        const f = form();
        if (!f) { return; }
        const minutes = parseFloat(f.dataset.idleMinutes);
        if (minutes > 0 && Date.now() - last > minutes * 60000) {
            clearInterval(timer);
            f.querySelector('input[name="ReturnUrl"]').value = 'Account/Login?idle=1';
            f.submit();
        }
    }, 1000);
})();
