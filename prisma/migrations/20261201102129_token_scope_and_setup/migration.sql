-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "programmeId" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "homeProgrammeId" TEXT;

-- CreateTable
CREATE TABLE "SetupState" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "code" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "SetupState_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ApiToken_programmeId_idx" ON "ApiToken"("programmeId");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_homeProgrammeId_fkey" FOREIGN KEY ("homeProgrammeId") REFERENCES "Programme"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A service account belongs to the programme it was first added to.
UPDATE "User" u SET "homeProgrammeId" = (
  SELECT m."programmeId" FROM "Membership" m WHERE m."userId" = u."id" ORDER BY m."createdAt", m."programmeId" LIMIT 1
) WHERE u."isServiceAccount";

-- Existing service-account tokens narrow to that programme: a manager elsewhere could mint them.
UPDATE "ApiToken" t SET "programmeId" = u."homeProgrammeId" FROM "User" u WHERE t."userId" = u."id" AND u."isServiceAccount";

-- One row at most: the deployment's single setup.
ALTER TABLE "SetupState" ADD CONSTRAINT "SetupState_single_row" CHECK ("id" = 1);
