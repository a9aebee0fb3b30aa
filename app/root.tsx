import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/cloudflare";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { NotFound } from "./components/not-found";
import { SHOP_NAME, ShopLayout } from "./components/shop-layout";
import { getSessionUser } from "./lib/session.server";
import styles from "./styles.css?url";

export const links: LinksFunction = () => [
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "stylesheet", href: styles },
];

export const meta: MetaFunction = () => [
  { title: SHOP_NAME },
  { name: "description", content: `${SHOP_NAME}: everyday essentials, delivered fast.` },
];

/**
 * Who is signed in, for the header of every page: read from the session cookie, no API call
 * (a refresh only when the access token is about to expire, its cookie then committed here).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, headers } = await getSessionUser(request, context);
  return data({ user: user ? { name: user.name, role: user.role } : null }, { headers });
}

/** The HTML document; also wraps the ErrorBoundary, so error pages keep the stylesheet. */
export function Layout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

/** Anything a route throws ends here: a 404 page for "not found", a friendly page otherwise. */
export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <ShopLayout>
        <NotFound />
      </ShopLayout>
    );
  }
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return (
    <ShopLayout>
      <section className="container message-page" data-testid="error-page">
        <p className="message-code">{status}</p>
        <h1>Something went wrong</h1>
        <p>We could not show this page. Please try again in a moment.</p>
        <Link to="/" className="button">
          Back to the shop
        </Link>
      </section>
    </ShopLayout>
  );
}
