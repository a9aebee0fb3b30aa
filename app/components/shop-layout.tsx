import { Form, Link, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import type { ApiStatus } from "../lib/status.server";
import type { loader as rootLoader } from "../root";

export const SHOP_NAME = "Edge Commerce";

/** The frame of every storefront page: header with search and navigation, content, footer. */
export function ShopLayout({ children, status }: { children: ReactNode; status?: ApiStatus }) {
  return (
    <div className="page">
      <SiteHeader />
      <main className="page-main">{children}</main>
      <SiteFooter status={status} />
    </div>
  );
}

function SiteHeader() {
  // Undefined when the root loader failed (its error page): then the header offers to sign in.
  const user = useRouteLoaderData<typeof rootLoader>("root")?.user ?? null;
  return (
    <header className="site-header">
      <div className="container site-header-inner">
        <Link to="/" className="brand" aria-label={`${SHOP_NAME} home`}>
          <span className="brand-mark" aria-hidden="true">
            E
          </span>
          <span className="brand-name">{SHOP_NAME}</span>
        </Link>
        <Form method="get" action="/search" className="site-search" role="search">
          <label htmlFor="site-search-q" className="visually-hidden">
            Search products
          </label>
          <input id="site-search-q" type="search" name="q" placeholder="Search products" autoComplete="off" />
          <button type="submit">Search</button>
        </Form>
        <nav className="site-nav" aria-label="Main">
          <Link to="/#categories" className="site-nav-optional">
            Categories
          </Link>
          {user ? (
            <Link to="/account" className="site-nav-account" data-testid="account-link" title="Your account">
              {user.name}
            </Link>
          ) : (
            <Link to="/login" data-testid="sign-in-link">
              Sign in
            </Link>
          )}
          <Link to="/cart" className="site-nav-cart">
            Cart
          </Link>
        </nav>
      </div>
    </header>
  );
}

function SiteFooter({ status }: { status?: ApiStatus }) {
  return (
    <footer className="site-footer">
      <div className="container site-footer-inner">
        <p className="site-footer-copy">
          © {new Date().getFullYear()} {SHOP_NAME}. Served from the edge.
        </p>
        {status ? <StatusLine status={status} /> : null}
      </div>
    </footer>
  );
}

function StatusLine({ status }: { status: ApiStatus }) {
  const text =
    status.state === "operational"
      ? "All systems operational"
      : status.state === "degraded"
        ? `Degraded: ${status.services.join(", ") || "some services"}`
        : "System status unavailable";
  return (
    <p className={`status-line status-${status.state}`} data-testid="api-status" data-state={status.state}>
      <span className="status-dot" aria-hidden="true" />
      {text}
    </p>
  );
}
