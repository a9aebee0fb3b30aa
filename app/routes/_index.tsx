import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { log } from "../../workers/shared/log";
import { SHOP_NAME, ShopLayout } from "../components/shop-layout";
import { type CategoryNode, getCategoryTree } from "../lib/catalog.server";
import { type ApiStatus, getApiStatus } from "../lib/status.server";

export const meta: MetaFunction = () => [
  { title: `${SHOP_NAME} | Everyday essentials, delivered fast` },
  {
    name: "description",
    content: "Shop electronics, home, fashion and more, served from the edge near you.",
  },
];

/** Categories either loaded (possibly none yet) or unavailable because the API failed. */
type CategoriesState = { ok: true; items: CategoryNode[] } | { ok: false };

/**
 * The home page's data: the category tree and the system status, fetched in parallel through
 * the in-process gateway. A failing API call never fails the page: it is logged and the page
 * shows an empty state instead.
 */
export async function loader({ context }: LoaderFunctionArgs) {
  const [categories, status] = await Promise.allSettled([getCategoryTree(context), getApiStatus(context)]);
  if (categories.status === "rejected") logFailure(context.requestId, "categories", categories.reason);
  if (status.status === "rejected") logFailure(context.requestId, "health", status.reason);
  const categoriesState: CategoriesState =
    categories.status === "fulfilled" ? { ok: true, items: categories.value } : { ok: false };
  const apiStatus: ApiStatus = status.status === "fulfilled" ? status.value : { state: "unknown" };
  return { categories: categoriesState, status: apiStatus };
}

function logFailure(requestId: string, what: string, reason: unknown) {
  log("error", `home page: ${what} unavailable`, {
    requestId,
    error: String(reason),
    ...(reason && typeof reason === "object" && "status" in reason ? { status: reason.status } : {}),
  });
}

export default function Home() {
  const { categories, status } = useLoaderData<typeof loader>();
  return (
    <ShopLayout status={status}>
      <Hero />
      <section id="categories" className="container section" aria-labelledby="categories-title">
        <div className="section-head">
          <h2 id="categories-title">Shop by category</h2>
          <p>Find what you need, from everyday basics to something special.</p>
        </div>
        {categories.ok && categories.items.length > 0 ? (
          <CategoryGrid categories={categories.items} />
        ) : (
          <div className="empty-state" data-testid="category-empty">
            <p className="empty-state-title">
              {categories.ok ? "No categories yet" : "Categories are unavailable right now"}
            </p>
            <p>
              {categories.ok
                ? "Our shelves are being stocked. Check back soon."
                : "We could not load our categories. Please refresh in a moment."}
            </p>
          </div>
        )}
      </section>
      <Promises />
    </ShopLayout>
  );
}

function Hero() {
  return (
    <section className="hero">
      <div className="container hero-inner">
        <p className="hero-kicker">New season, new arrivals</p>
        <h1 className="hero-title">Everyday essentials, delivered fast.</h1>
        <p className="hero-text">
          Thousands of products at fair prices, with free shipping on orders over $100 and easy returns.
        </p>
        <div className="hero-actions">
          <a href="#categories" className="button button-light">
            Shop by category
          </a>
        </div>
      </div>
    </section>
  );
}

function CategoryGrid({ categories }: { categories: CategoryNode[] }) {
  return (
    <ul className="category-grid" data-testid="category-list">
      {categories.map((category, index) => (
        <li key={category.id} className="category-card" data-testid="category" data-slug={category.slug}>
          <Link to={`/categories/${category.slug}`} className="category-card-link">
            <span className={`category-badge tone-${index % 6}`} aria-hidden="true">
              {category.name.slice(0, 1).toUpperCase()}
            </span>
            <span className="category-name">{category.name}</span>
          </Link>
          {category.children.length > 0 ? (
            <ul className="subcategory-list">
              {category.children.map((child) => (
                <li key={child.id}>
                  <Link to={`/categories/${child.slug}`}>{child.name}</Link>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function Promises() {
  const items = [
    { title: "Free shipping", text: "On every order over $100." },
    { title: "Secure checkout", text: "Card or cash on delivery." },
    { title: "Easy returns", text: "30 days, no questions asked." },
  ];
  return (
    <section className="container promises" aria-label="Why shop with us">
      {items.map((item) => (
        <div key={item.title} className="promise">
          <p className="promise-title">{item.title}</p>
          <p>{item.text}</p>
        </div>
      ))}
    </section>
  );
}
