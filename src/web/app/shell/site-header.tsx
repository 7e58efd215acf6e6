import { useQuery } from '@tanstack/react-query';
import { Link, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/button.tsx';
import { CompactSelect } from '../../components/ui/form-fields.tsx';
import { HeaderBar, MenuButton } from '../../components/ui/header.tsx';
import { CountBadge } from '../../components/ui/tag.tsx';
import { unreadCountQuery } from '../../features/notifications/api/notifications-api.ts';
import type { SignedInSession } from '../../features/session/api/session-api.ts';
import { useSignOut } from '../../features/session/use-sign-out.ts';
import { useSwitchOrganisation } from '../../features/session/use-switch-organisation.ts';
import { LanguageSwitcher } from './language-switcher.tsx';
import { useSession, useSignedIn } from './use-viewer.ts';

export interface SiteHeaderProps {
  navigationId: string;
  menuOpen: boolean;
  onToggleMenu: () => void;
}

/**
 * Product name, language switcher, and (below desktop width) the menu button that opens the
 * site navigation; under them, who is signed in: name, organisation, inbox, sign-out. No USWDS
 * government banner: this is not an official CBP deployment.
 */
export function SiteHeader({ navigationId, menuOpen, onToggleMenu }: SiteHeaderProps) {
  const { t } = useTranslation();
  const { session, pending } = useSession();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  let secondary = null;
  if (session.signedIn) {
    secondary = <SignedInBar session={session} />;
  } else if (!pending && pathname !== '/sign-in') {
    secondary = (
      <Link to="/sign-in" className="usa-link text-bold">
        {t('header.signIn')}
      </Link>
    );
  }
  return (
    <HeaderBar
      title={<Link to="/">{t('app.name')}</Link>}
      tagline={t('app.tagline')}
      actions={
        <>
          <LanguageSwitcher />
          <MenuButton
            label={t('nav.menu')}
            expanded={menuOpen}
            controls={navigationId}
            onToggle={onToggleMenu}
          />
        </>
      }
      secondary={secondary}
    />
  );
}

function SignedInBar({ session }: { session: SignedInSession }) {
  const { t } = useTranslation();
  const settled = useSignedIn();
  const signOut = useSignOut();
  const switchOrganisation = useSwitchOrganisation();
  const canReadInbox = settled?.permissions.includes('notifications:read') ?? false;
  const unread = useQuery({ ...unreadCountQuery(), enabled: canReadInbox });
  const count = unread.data?.unread ?? 0;

  return (
    <ul className="usa-list usa-list--unstyled display-flex flex-wrap flex-align-center flex-justify-end">
      <li className="margin-right-2 margin-y-05">
        {settled ? (
          <Link to="/account" className="usa-link">
            {t('header.signedInAs', { name: session.user.displayName })}
          </Link>
        ) : (
          <span>{t('header.signedInAs', { name: session.user.displayName })}</span>
        )}
      </li>
      {settled && session.memberships.length > 1 ? (
        <li className="margin-right-2 margin-y-05">
          <CompactSelect
            id="header-organisation"
            label={t('header.actingFor')}
            value={session.organisationId ?? ''}
            disabled={switchOrganisation.isPending}
            options={session.memberships.map((membership) => ({
              value: membership.organisationId,
              label: membership.organisationName,
            }))}
            onChange={(organisationId) => switchOrganisation.mutate(organisationId)}
          />
        </li>
      ) : settled && session.memberships.length === 1 ? (
        <li className="margin-right-2 margin-y-05 text-base-dark">
          {session.memberships[0]?.organisationName}
        </li>
      ) : null}
      {canReadInbox ? (
        <li className="margin-right-2 margin-y-05">
          <Link to="/inbox" className="usa-link">
            {t('header.inbox')}
            {count > 0 ? <CountBadge count={count} label={t('header.unread')} /> : null}
          </Link>
        </li>
      ) : null}
      <li className="margin-y-05">
        <Button
          variant="unstyled"
          className="font-sans-2xs"
          aria-disabled={signOut.isPending}
          onClick={() => {
            if (!signOut.isPending) {
              signOut.mutate();
            }
          }}
        >
          {signOut.isPending ? t('header.signingOut') : t('header.signOut')}
        </Button>
      </li>
      {signOut.isError || switchOrganisation.isError ? (
        <li role="alert" className="margin-left-2 text-secondary-dark">
          {signOut.isError ? t('header.signOutFailed') : t('header.switchFailed')}
        </li>
      ) : null}
    </ul>
  );
}
