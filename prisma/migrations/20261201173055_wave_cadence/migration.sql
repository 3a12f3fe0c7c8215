-- AlterTable
ALTER TABLE "Programme" ADD COLUMN     "waveLengthWeeks" INTEGER,
ADD COLUMN     "wavesStartOn" DATE;
