import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { resolveBridge } from './bridge.ts';
import { HallClient } from './hall-client.ts';
import { HallProvider } from './hall-context.tsx';
import { LanguageProvider } from './i18n/language.tsx';
import { StartupProblem } from './StartupProblem.tsx';

const resolved = resolveBridge();
const root = createRoot(document.getElementById('root')!);

if (resolved.ok) {
  // One client per window, outside React, so re-renders (and StrictMode's double effects) never reconnect.
  const client = new HallClient(resolved.bridge);
  client.start();
  root.render(
    <StrictMode>
      <LanguageProvider>
        <HallProvider bridge={resolved.bridge} client={client}>
          <App />
        </HallProvider>
      </LanguageProvider>
    </StrictMode>,
  );
} else {
  root.render(
    <StrictMode>
      <LanguageProvider>
        <StartupProblem problem={resolved.problem} />
      </LanguageProvider>
    </StrictMode>,
  );
}
