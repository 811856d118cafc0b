// Shown when the library cannot be opened. It explains and offers a reload; it never deletes.

export function FatalScreen({ message }: { message: string }) {
  return (
    <main className="fatal" role="alert" data-testid="fatal">
      <h1>Spanmark cannot open your library</h1>
      <p>{message}</p>
      <button type="button" onClick={() => location.reload()}>
        Try again
      </button>
    </main>
  );
}
