/** Shown without React when the portal cannot start (config.json missing or wrong), so no blank page. */
export function showBootError(root: HTMLElement, message: string): void {
  const main = document.createElement('main');
  main.setAttribute('role', 'alert');
  main.style.cssText =
    'font-family: "Segoe UI", system-ui, sans-serif; max-width: 640px; margin: 48px auto; padding: 0 16px';
  const title = document.createElement('h1');
  title.textContent = 'PAI Portal cannot start';
  const text = document.createElement('p');
  text.textContent = message;
  const hint = document.createElement('p');
  hint.textContent =
    'The portal reads config.json next to index.html, e.g. {"restServerUri": "https://cluster.example.com/rest-server"}.';
  const retry = document.createElement('button');
  retry.type = 'button';
  retry.textContent = 'Try again';
  retry.addEventListener('click', () => window.location.reload());
  main.append(title, text, hint, retry);
  root.replaceChildren(main);
}
