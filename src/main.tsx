import './app/early-chunks.ts';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { showBootError } from './app/boot-error.ts';
import { registerFirstPageIcons } from './app/icons.ts';
import { errorMessage } from './lib/pai-error.ts';
import { loadRuntimeConfig } from './lib/runtime-config.ts';

const root = document.getElementById('root')!;

loadRuntimeConfig().then(
  () => {
    registerFirstPageIcons();
    createRoot(root).render(<App />);
  },
  (error: unknown) => showBootError(root, errorMessage(error)),
);
