import { Anchor, type AnchorProps, NavLink, type NavLinkProps } from "@mantine/core";
import { createLink, type LinkComponent } from "@tanstack/react-router";
import type { ComponentPropsWithoutRef, Ref } from "react";

interface MantineNavLinkProps extends Omit<NavLinkProps, "href"> {
  ref?: Ref<HTMLAnchorElement>;
}

function MantineNavLink(props: MantineNavLinkProps) {
  return <NavLink component="a" {...props} />;
}

const RouterNavLinkBase = createLink(MantineNavLink);

/** Mantine's NavLink driven by the typed router (real <a href>, client-side navigation). */
export const RouterNavLink: LinkComponent<typeof MantineNavLink> = (props) => <RouterNavLinkBase {...props} />;

// Plain anchor attributes too (dir, title, aria-*), which Mantine's polymorphic props leave out.
interface MantineAnchorProps
  extends Omit<AnchorProps, "href">,
    Omit<ComponentPropsWithoutRef<"a">, keyof AnchorProps | "href" | "color"> {
  ref?: Ref<HTMLAnchorElement>;
  children?: React.ReactNode;
}

function MantineAnchor(props: MantineAnchorProps) {
  return <Anchor component="a" {...props} />;
}

const RouterAnchorBase = createLink(MantineAnchor);

/** Mantine's Anchor driven by the typed router. */
export const RouterAnchor: LinkComponent<typeof MantineAnchor> = (props) => <RouterAnchorBase {...props} />;
