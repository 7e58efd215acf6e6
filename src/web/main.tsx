import './components/ui/uswds-styles.ts';
import { createRoot } from 'react-dom/client';
import { redirectForAuthProblem } from './app/auth-problems.ts';
import { createQueryClient, Providers } from './app/providers.tsx';
import { createAppRouter } from './app/router.tsx';
import { setUpI18n } from './lib/i18n.ts';

await setUpI18n();
const queryClient = createQueryClient((problem) => {
  redirectForAuthProblem(router, queryClient, problem);
});
const router = createAppRouter(queryClient);

const container = document.getElementById('root');
if (!container) {
  throw new Error('index.html has no #root element');
}
createRoot(container).render(<Providers queryClient={queryClient} router={router} />);
