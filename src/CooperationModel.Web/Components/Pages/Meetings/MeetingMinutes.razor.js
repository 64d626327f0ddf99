// The printable minutes' "print" button: the browser's own print dialog (the page's print style hides the app bar and buttons).
export function print() {
    window.print();
}
