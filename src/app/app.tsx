import { mergeStyles } from '@fluentui/react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { RouterProvider } from 'react-router';
import { AzureAdProvider } from '../features/auth/index.ts';
import type { AppRouter } from './router.tsx';
import { ThemeChoiceProvider } from './theme/theme-choice.tsx';

mergeStyles({ ':global(body)': { margin: 0 } });

/** The portal, given its cache and a router that has already run the first page's loaders. */
export function App({ queryClient, router }: { queryClient: QueryClient; router: AppRouter }) {
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
