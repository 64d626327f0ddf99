// Tells the IdleTimeout component that the user is active: pointer, key, wheel and touch events in this tab,
// or activity in another tab of the app (through localStorage), at most once per reportMs.
const storageKey = "cm.session.activity";
const events = ["pointerdown", "pointermove", "keydown", "wheel", "touchstart"];

export function start(dotNet, reportMs) {
    let last = 0;
    const report = () => {
        const now = Date.now();
        if (now - last < reportMs) {
            return false;
        }
        last = now;
        dotNet.invokeMethodAsync("Activity").catch(() => { });
        return true;
    };
    const onLocal = () => {
        if (report()) {
            try { localStorage.setItem(storageKey, String(Date.now())); } catch { }
        }
    };
    const onStorage = e => {
        if (e.key === storageKey) {
            report();
        }
    };
    events.forEach(name => document.addEventListener(name, onLocal, { capture: true, passive: true }));
    window.addEventListener("storage", onStorage);
    return {
        stop() {
            events.forEach(name => document.removeEventListener(name, onLocal, { capture: true }));
            window.removeEventListener("storage", onStorage);
        },
    };
}

// Re-issues the auth cookie. true/false: the server answered; null: no answer (network), which proves nothing.
export async function keepAlive() {
    try {
        const response = await fetch("account/keep-alive", { method: "POST", credentials: "same-origin", redirect: "manual", cache: "no-store" });
        return response.ok;
    } catch {
        return null;
    }
}
