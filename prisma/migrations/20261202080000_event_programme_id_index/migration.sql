-- CreateIndex
CREATE INDEX "Event_programmeId_id_idx" ON "Event"("programmeId", "id");
