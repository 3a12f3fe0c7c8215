import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { secondaryButtonClass } from "@/components/ui/field";
import { ssoSignInAction } from "@/lib/auth/actions";
import { ssoEnabled } from "@/lib/auth/better-auth";
import { currentActor } from "@/lib/auth/current";
import { DEMO_ACCOUNTS, demoAccountsAvailable } from "@/lib/auth/demo-accounts";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Sign in" };

// Any `error` comes back from the SSO flow (better-auth names the cause); people get one plain message.
export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string; error?: string | string[] }> }) {
  if (await currentActor()) redirect("/");
  const { next, error } = await searchParams;
  const sso = ssoEnabled();
  // Setup is not advertised here: whoever runs Ferry finds it, with its code, in the server log.
  const showDemo = await demoAccountsAvailable(db);
  return (
    <AuthCard title="Sign in to Ferry">
      {error ? (
        <p role="alert" className="mb-4 rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800">
          Single sign-on did not complete. Your email domain may not be allowed here; ask whoever runs Ferry.
        </p>
      ) : null}
      {sso ? (
        <form action={ssoSignInAction} className="mb-5">
          {next ? <input type="hidden" name="next" value={next} /> : null}
          <button type="submit" className={`${secondaryButtonClass} w-full`}>
            Sign in with {sso.name}
          </button>
        </form>
      ) : null}
      <SignInForm next={next} />
      {showDemo ? (
        <section aria-labelledby="demo-heading" className="mt-6 border-t border-slate-200 pt-4">
          <h2 id="demo-heading" className="text-sm font-semibold">Demo sign-ins</h2>
          <p className="text-xs text-slate-600">This installation has the demo programme. Try each role:</p>
          <table className="mt-2 w-full text-xs">
            <caption className="sr-only">Demo accounts</caption>
            <thead>
              <tr className="text-left text-slate-500">
                <th scope="col" className="py-1 font-medium">Role</th>
                <th scope="col" className="py-1 font-medium">Email</th>
                <th scope="col" className="py-1 font-medium">Password</th>
              </tr>
            </thead>
            <tbody>
              {DEMO_ACCOUNTS.map((a) => (
                <tr key={a.email} title={a.can}>
                  <th scope="row" className="py-1 pr-2 text-left font-medium capitalize">{a.role}</th>
                  <td className="py-1 pr-2 font-mono">{a.email}</td>
                  <td className="py-1 font-mono">{a.password}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </AuthCard>
  );
}
