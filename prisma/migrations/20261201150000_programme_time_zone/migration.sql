-- AlterTable
ALTER TABLE "Programme" ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC';
