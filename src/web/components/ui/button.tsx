import { Button as UswdsButton } from '@trussworks/react-uswds';
import type { ComponentPropsWithRef, ReactNode } from 'react';

export interface ButtonProps extends Omit<ComponentPropsWithRef<'button'>, 'type'> {
  type?: 'button' | 'submit' | 'reset';
  variant?: 'primary' | 'secondary' | 'outline' | 'unstyled';
  children: ReactNode;
}

/** A USWDS button (usa-button); `type` defaults to "button" so it never submits by accident. */
export function Button({ type = 'button', variant = 'primary', children, ...rest }: ButtonProps) {
  return (
    <UswdsButton
      type={type}
      secondary={variant === 'secondary'}
      outline={variant === 'outline'}
      unstyled={variant === 'unstyled'}
      {...rest}
    >
      {children}
    </UswdsButton>
  );
}
