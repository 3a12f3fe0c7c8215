import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SetupForm } from "@/components/auth/setup-form";
import { isSetupOpen } from "@/lib/auth/setup-code";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Set up" };

// One time only: once an administrator exists, this page sends people to sign in for good.
export default async function SetupPage() {
  if (!(await isSetupOpen(db))) redirect("/sign-in");
  return (
    <AuthCard title="Set up Ferry">
      <p className="mb-5 text-sm text-slate-600">
        Create the deployment administrator. The administrator creates programmes and names their managers; everyone else gets an account from a manager or
        signs in with the company SSO.
      </p>
      <SetupForm />
    </AuthCard>
  );
}
