import type { ComponentChildren } from 'preact';
import { onLinkClick } from '../router.js';

export function Link({ href, children, class: className, ...rest }: { href: string; children: ComponentChildren; class?: string; 'aria-current'?: 'page' | undefined; 'aria-label'?: string }) {
  return (
    <a href={href} class={className} onClick={(e) => onLinkClick(e, href)} {...rest}>
      {children}
    </a>
  );
}
