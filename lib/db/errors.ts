import { Prisma } from "@/lib/generated/prisma/client";

/** A unique constraint refused the write (Prisma's P2002, through any driver adapter). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
