import { mergeStyles } from '@fluentui/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, useState } from 'react';
import { RouterProvider } from 'react-router';
import { AzureAdProvider } from '../features/auth/index.ts';
import { createQueryClient } from '../lib/query-client.ts';
import { createRouter } from './router.tsx';
import { ThemeChoiceProvider } from './theme/theme-choice.tsx';

mergeStyles({ ':global(body)': { margin: 0 } });

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createRouter(queryClient));
  return (
    <StrictMode>
      <ThemeChoiceProvider>
        <QueryClientProvider client={queryClient}>
          <AzureAdProvider navigate={(to) => router.navigate(to, { replace: true })}>
            <RouterProvider router={router} />
          </AzureAdProvider>
        </QueryClientProvider>
      </ThemeChoiceProvider>
    </StrictMode>
  );
}
