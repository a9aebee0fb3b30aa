import { Link } from "@remix-run/react";

/** The body of the 404 page. */
export function NotFound() {
  return (
    <section className="container message-page" data-testid="not-found">
      <p className="message-code">404</p>
      <h1>We couldn't find that page</h1>
      <p>The link may be old, or the page may have moved. Our categories are a good place to start.</p>
      <Link to="/#categories" className="button">
        Browse categories
      </Link>
    </section>
  );
}
