package com.calliyo.lead.status;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

interface LeadStatusRepository extends MongoRepository<LeadStatus, String> {

    List<LeadStatus> findByCompanyIdOrderByPositionAsc(String companyId);
}
