// Shown while another window keeps the library open at an older version, so the upgrade waits.
// Not an error: the app continues by itself once that window closes.

export function BlockedScreen() {
  return (
    <main className="fatal" role="status" aria-live="polite" data-testid="blocked">
      <h1>Waiting for another window</h1>
      <p>Spanmark is open in another window with an older version; close it to continue.</p>
    </main>
  );
}
