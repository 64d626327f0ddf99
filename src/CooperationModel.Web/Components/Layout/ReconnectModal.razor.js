// Set up event handlers
const reconnectModal = document.getElementById("components-reconnect-modal");
reconnectModal.addEventListener("components-reconnect-state-changed", handleReconnectStateChanged);

const retryButton = document.getElementById("components-reconnect-button");
retryButton.addEventListener("click", retry);

const resumeButton = document.getElementById("components-resume-button");
resumeButton.addEventListener("click", resume);

// When the server no longer knows the circuit (after a restart) the page must be reloaded, which loses unsaved text:
// the user is told and chooses (reload now, or first copy the text; then a bar offers the reload).
const rejectedBar = document.getElementById("components-reconnect-rejected-bar");
for (const reloadButton of [document.getElementById("components-reconnect-reload"), document.getElementById("components-reconnect-bar-reload")]) {
    reloadButton.addEventListener("click", () => location.reload());
}
document.getElementById("components-reconnect-copy-first").addEventListener("click", keepPageForCopying);

const stateClasses = ["components-reconnect-show", "components-reconnect-hide", "components-reconnect-retrying", "components-reconnect-failed",
    "components-reconnect-rejected", "components-reconnect-paused", "components-reconnect-resume-failed"];

function handleReconnectStateChanged(event) {
    if (event.detail.state === "show") {
        reconnectModal.showModal();
    } else if (event.detail.state === "hide") {
        reconnectModal.close();
    } else if (event.detail.state === "failed") {
        document.addEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
    } else if (event.detail.state === "rejected") {
        showRejected();
    }
}

function showRejected() {
    document.removeEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
    reconnectModal.classList.remove(...stateClasses);
    reconnectModal.classList.add("components-reconnect-rejected");
    if (!reconnectModal.open) {
        reconnectModal.showModal();
    }
}

function keepPageForCopying() {
    reconnectModal.close();
    rejectedBar.hidden = false;
}

async function retry() {
    document.removeEventListener("visibilitychange", retryWhenDocumentBecomesVisible);

    try {
        // Reconnect will asynchronously return:
        // - true to mean success
        // - false to mean we reached the server, but it rejected the connection (e.g., unknown circuit ID)
        // - exception to mean we didn't reach the server (this can be sync or async)
        const successful = await Blazor.reconnect();
        if (!successful) {
            // We have been able to reach the server, but the circuit is no longer available: resume it if the server
            // can, or else the page must be reloaded, which the user is asked about first.
            const resumeSuccessful = await Blazor.resumeCircuit();
            if (!resumeSuccessful) {
                showRejected();
            } else {
                reconnectModal.close();
            }
        }
    } catch (err) {
        // We got an exception, server is currently unavailable
        document.addEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
    }
}

async function resume() {
    try {
        const successful = await Blazor.resumeCircuit();
        if (!successful) {
            showRejected();
        }
    } catch {
        reconnectModal.classList.replace("components-reconnect-paused", "components-reconnect-resume-failed");
    }
}

async function retryWhenDocumentBecomesVisible() {
    if (document.visibilityState === "visible") {
        await retry();
    }
}
