-- AlterTable
ALTER TABLE "ChecklistItem" ADD COLUMN     "followUp" BOOLEAN NOT NULL DEFAULT false;
