-- CreateTable
CREATE TABLE "ReportWeek" (
    "programmeId" TEXT NOT NULL,
    "week" TEXT NOT NULL,
    "closedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedById" TEXT,
    "closedByName" TEXT NOT NULL,
    "report" JSONB NOT NULL,

    CONSTRAINT "ReportWeek_pkey" PRIMARY KEY ("programmeId","week")
);

-- AddForeignKey
ALTER TABLE "ReportWeek" ADD CONSTRAINT "ReportWeek_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;
