// Polling until something a test expects has happened, with a clear timeout.
export async function waitFor(predicate: () => boolean | Promise<boolean>, timeoutMs = 8000, what = 'a condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
