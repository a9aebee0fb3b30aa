import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, GOOD_PASSWORD, uniqueEmail } from "../../../test/http";
import { publicDisplayName } from "../display-name";
import type { AuthSession } from "../identity.schemas";
import type { IdentityService } from "../index";
import { worker } from "./harness";

const rpc = (exports as unknown as { IdentityService: Service<IdentityService> }).IdentityService;

describe("publicDisplayName", () => {
  it("shows the first name and the last name's initial", () => {
    expect(publicDisplayName("Cora Customer")).toBe("Cora C.");
    expect(publicDisplayName("Grace Brewster Hopper")).toBe("Grace H.");
    expect(publicDisplayName("  Ada   lovelace ")).toBe("Ada L.");
    expect(publicDisplayName("Plato")).toBe("Plato");
    expect(publicDisplayName("Zoë Émile")).toBe("Zoë É.");
    expect(publicDisplayName("Ann 𝒳avier")).toBe("Ann 𝒳.");
    expect(publicDisplayName("   ")).toBe("Shopper");
  });
});

describe("IdentityService.displayName (RPC)", () => {
  it("answers a registered user's public name, and null for an unknown id", async () => {
    const res = await call<AuthSession>(worker, "POST", "/api/auth/register", {
      body: { email: uniqueEmail(), password: GOOD_PASSWORD, name: "Margaret Hamilton" },
    });
    expect(res.status).toBe(201);
    expect(await rpc.displayName(res.body.user.id)).toBe("Margaret H.");
    expect(await rpc.displayName("no-such-user")).toBeNull();
    expect(await rpc.displayName("")).toBeNull();
  });

  it("answers ping", async () => {
    expect(await rpc.ping()).toBe("ok");
  });
});
