import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { SuccessNotice } from '../../../components/request-form.tsx';

/**
 * A success message that outlives the form that showed it. On the validation pages a change
 * bumps the validation's version, and the sections are rebuilt from the new version (or the form
 * goes away because the status moved on), so a message kept in the form's state would vanish as
 * soon as it appeared. The message shows in place while its form is there; when the form goes,
 * `LastingNotices` keeps showing it above the sections until another notice appears.
 */

const AnnounceContext = createContext<((message: string | null) => void) | null>(null);

export function LastingNotices({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<string | null>(null);
  return (
    <AnnounceContext.Provider value={setMessage}>
      {message === null ? null : <SuccessNotice>{message}</SuccessNotice>}
      {children}
    </AnnounceContext.Provider>
  );
}

export function LastingSuccessNotice({ children }: { children: string }) {
  const announce = useContext(AnnounceContext);
  useEffect(() => {
    // Shown here now: the page's copy of an earlier notice goes; this one takes over if the
    // form goes away.
    announce?.(null);
    return () => announce?.(children);
  }, [announce, children]);
  return <SuccessNotice>{children}</SuccessNotice>;
}
