import { type ErrorComponentProps, Link, useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';

/**
 * Shown instead of a page that failed to render or load (a thrown error, a code chunk that
 * did not download). "Try again" re-runs the route's loading and rendering. An API answer of
 * FORBIDDEN says "no access" instead.
 */
export function RouteErrorPage({ error, reset }: ErrorComponentProps) {
  const denied = error instanceof ApiError && error.code === 'FORBIDDEN';
  return denied ? <AccessDeniedPage /> : <FailedPage reset={reset} />;
}

/** A page the person's role does not reach (/no-access, where the route guards send them). */
export function AccessDeniedPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('accessDenied.title'));
  return (
    <>
      <h1 className="margin-top-0">{t('accessDenied.heading')}</h1>
      <Alert type="warning" role="alert">
        <p className="margin-y-0">{t('accessDenied.body')}</p>
      </Alert>
      <p className="margin-top-3">
        <Link to="/" className="usa-link">
          {t('routeError.goHome')}
        </Link>
      </p>
    </>
  );
}

function FailedPage({ reset }: { reset: () => void }) {
  const { t } = useTranslation();
  const router = useRouter();
  useDocumentTitle(t('routeError.title'));
  return (
    <>
      <h1 className="margin-top-0">{t('routeError.heading')}</h1>
      <Alert type="error" role="alert">
        <p className="margin-y-0">{t('routeError.body')}</p>
      </Alert>
      <div className="margin-top-3">
        <Button
          onClick={() => {
            reset();
            void router.invalidate();
          }}
        >
          {t('routeError.retry')}
        </Button>
        <Link to="/" className="usa-button usa-button--outline">
          {t('routeError.goHome')}
        </Link>
      </div>
    </>
  );
}

/** The shell itself failed: the same message, inside a main landmark of its own. */
export function ShellErrorPage(props: ErrorComponentProps) {
  return (
    <main id="main-content" className="grid-container padding-y-4">
      <RouteErrorPage {...props} />
    </main>
  );
}
